// The shared statechart
export { createSessionMachine, sessionMachineFor } from './session.machine.js';
export type {
  SessionContext,
  SessionEvent,
  SessionEmitted,
  SessionInput,
  UserEvent,
  AppEvent,
  EnvironmentEvent,
  Connectivity,
  FailureReason,
} from './session.machine.js';
export { resolveSessionOptions, SESSION_MACHINE_DEFAULTS } from './session-options.js';
export type { SessionMachineOptions, TimeoutOptions, LimitOptions, ResolvedSessionOptions } from './session-options.js';
export { projectSession } from './project.js';
export type { SessionProjection } from './project.js';

// Profiles
export { defineProfile } from './define-profile.js';
export type { ProfileData } from './define-profile.js';
export type { Profile, HandshakeStep, KeepAliveSettings, KeepAliveSender, LocalCodes, ClassifyContext } from './profile.js';
export { guacamoleProfile, guacamoleSessionMachine } from './guacamole/index.js';
export { frameProfile, createFrameProfile, frameSessionMachine } from './frame/index.js';
export { softdriveProfile, softdriveSessionMachine } from './softdrive/index.js';
export { msraProfile, msraSessionMachine } from './msra/index.js';
export { withTmgGateway } from './tmg/index.js';

// Wire contract
export type {
  WireSignal,
  WireFrame,
  WireCodec,
  SessionLink,
  TransportEvent,
  TransportCommand,
  TransportInput,
  TransportFailure,
} from './wire.js';
export type { UrlSource } from './secret-url.js';
