import { NotYetPage } from '../NotYetPage';

/** Placeholder until the screen is built. */
export function ReportsPage() {
  return <NotYetPage area="nav.reports" />;
}
