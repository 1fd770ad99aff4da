import { NotYetPage } from '../NotYetPage';

/** Placeholder until the screen is built. */
export function DataPage() {
  return <NotYetPage area="nav.data" />;
}
