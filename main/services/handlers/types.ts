/**
 * The shapes of a handler module. A domain's module maps each of its channels straight to the code
 * that answers it: `'cases:get': (s, { id }) => …`. Most take the open session; the few that work
 * while locked (unlocking, restoring, a backup's progress) take the app itself.
 */
import type { Channel, ChannelOutput, ParsedInput } from '../../../shared/contract';
import type { DeskApp } from '../app';
import type { OpenSession } from '../session';

type Result<C extends Channel> = ChannelOutput<C> | Promise<ChannelOutput<C>>;
type ChannelsOf<P extends string> = Extract<Channel, `${P}${string}`>;

export type SessionHandler<C extends Channel> = (s: OpenSession, input: ParsedInput<C>) => Result<C>;
export type AppHandler<C extends Channel> = (app: DeskApp, input: ParsedInput<C>) => Result<C>;

/** Handlers for channels starting with `P` that need an open case file. */
export type SessionHandlers<P extends string> = { [C in ChannelsOf<P>]?: SessionHandler<C> };
/** Handlers for channels starting with `P` that run on the app (locked or not). */
export type AppHandlers<P extends string> = { [C in ChannelsOf<P>]?: AppHandler<C> };
