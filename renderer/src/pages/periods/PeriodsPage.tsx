import { NotYetPage } from '../NotYetPage';

/** Placeholder until the screen is built. */
export function PeriodsPage() {
  return <NotYetPage area="nav.periods" />;
}
