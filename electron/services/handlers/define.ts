/**
 * What a contract method's handler declares besides what it runs: who may
 * call it, whether it reads the panel's values (and so is refused while its
 * period is being scored), and which computed results a success makes stale.
 * `dispatch` applies the declarations, so no handler places these checks by hand.
 */
import type { MethodName, Output, ParsedInput } from '../../../shared/api';
import type { PeriodStatus } from '../../../shared/domain/period';
import type { ServiceContext } from '../context';

/**
 * Who may call: `anyone` (before sign-in too: what the sign-in screen needs),
 * `rater` (a rater signed in on the shared PC, and the admin), `admin` (the
 * organising office only). The services check the finer rules (a rater sees
 * only their own sheet).
 */
export type Access = 'anyone' | 'rater' | 'admin';

/**
 * What a `rater`-access call is about: a rater signed in on the shared PC may
 * act only in the period they signed in to and, where the call names a rater,
 * only on their own sheet. (The admin may act on any.)
 */
export interface OwnScope {
  periodId: number;
  raterId?: number;
}

/** The period phases in which a call may run at all, by who calls it (a role left out: any phase). */
export interface PhaseRule<M extends MethodName> {
  period: (input: ParsedInput<M>) => number;
  rater?: readonly PeriodStatus[];
  admin?: readonly PeriodStatus[];
  /** What the refusal says, when the rule's own words are better than the general “only in phase …”. */
  refused?: (status: PeriodStatus, role: 'rater' | 'admin') => string;
}

export interface HandlerSpec<M extends MethodName> {
  access: Access;
  /** For `rater` access: the period (and sheet) the call is about; a rater outside it is refused. */
  own?: (input: ParsedInput<M>) => OwnScope;
  /** Phases outside which the call is refused (finer rules, e.g. reasons for late changes, stay in shared/domain/score-lock.ts). */
  phases?: PhaseRule<M>;
  /** Reads the panel's values: names the period that must be past scoring (blind scoring); null when this input reads none. */
  blind?: (input: ParsedInput<M>) => number | null;
  /**
   * What anyone but the admin sees of the answer: lists reachable before sign-in or by a rater
   * carry no entry counts, no others' finished marks, no PIN state.
   */
  redact?: (output: Output<M>) => Output<M>;
  /** What a success makes stale in the results cache: one period (named by the input) or all. */
  invalidates?: 'all' | ((input: ParsedInput<M>) => number);
  run(input: ParsedInput<M>, ctx: ServiceContext): Output<M> | Promise<Output<M>>;
}

export type Handlers = { [M in MethodName]: HandlerSpec<M> };

/** A slice of the table: `satisfies HandlerSlice` checks each key against the contract and types its handler. */
export type HandlerSlice = Partial<Handlers>;
