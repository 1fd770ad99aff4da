import { NotYetPage } from '../NotYetPage';

/** Placeholder until the screen is built. */
export function ResultsPage() {
  return <NotYetPage area="nav.results" />;
}
