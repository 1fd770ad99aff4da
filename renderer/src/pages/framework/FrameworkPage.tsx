import { NotYetPage } from '../NotYetPage';

/** Placeholder until the screen is built. */
export function FrameworkPage() {
  return <NotYetPage area="nav.framework" />;
}
