import { NotYetPage } from '../NotYetPage';

/** Placeholder until the screen is built. */
export function MeetingsPage() {
  return <NotYetPage area="nav.meetings" />;
}
