/**
 * What a contract method's handler declares besides what it runs: who may
 * call it, whether it reads the panel's values (and so is refused while its
 * period is being scored), and which computed results a success makes stale.
 * `dispatch` applies the declarations, so no handler places these checks by hand.
 */
import type { MethodName, Output, ParsedInput } from '../../../shared/api';
import type { ServiceContext } from '../context';

/**
 * Who may call: `anyone` (before sign-in too: what the sign-in screen needs),
 * `rater` (a rater signed in on the shared PC, and the admin), `admin` (the
 * organising office only). The services check the finer rules (a rater sees
 * only their own sheet).
 */
export type Access = 'anyone' | 'rater' | 'admin';

export interface HandlerSpec<M extends MethodName> {
  access: Access;
  /** Reads the panel's values: names the period that must be past scoring (blind scoring). */
  blind?: (input: ParsedInput<M>) => number;
  /** What a success makes stale in the results cache: one period (named by the input) or all. */
  invalidates?: 'all' | ((input: ParsedInput<M>) => number);
  run(input: ParsedInput<M>, ctx: ServiceContext): Output<M> | Promise<Output<M>>;
}

export type Handlers = { [M in MethodName]: HandlerSpec<M> };

/** A slice of the table: `satisfies HandlerSlice` checks each key against the contract and types its handler. */
export type HandlerSlice = Partial<Handlers>;
