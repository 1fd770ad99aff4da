import { NotYetPage } from '../NotYetPage';

/** Placeholder until the screen is built. */
export function ScoringPage() {
  return <NotYetPage area="nav.scoring" />;
}
