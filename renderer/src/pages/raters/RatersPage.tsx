import { NotYetPage } from '../NotYetPage';

/** Placeholder until the screen is built. */
export function RatersPage() {
  return <NotYetPage area="nav.raters" />;
}
