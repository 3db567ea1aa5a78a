// Fault scripts: the DSL, its builders and validation
export { step, validateScript, validateServerScript, resolveFaultProfile, isSendableCloseCode, SCRIPT_LIMITS } from './script.js';
export type { FaultStep, ServerStep, FaultProtocol, FaultBackend, ValidateScriptOptions, ScriptSource } from './script.js';

// The real fault server
export { createFaultServer, FAULT_SERVER_DEFAULTS } from './fault-server.js';
export type { FaultServer, FaultServerOptions, RestartOptions } from './fault-server.js';

// The same scripts as msw ws.link handlers: 'session-lifecycle/testing/msw' (needs msw installed)

// What a connection did, and the server side of each profile's wire
export { createWireSpeaker, tunnelIdFor, guacdIdFor, HANDSHAKE_SYNC_TIMESTAMP, GUACAMOLE_DIALECTS } from './wire-speaker.js';
export type { ConnectionRecord, WireSpeaker, GuacamoleDialect, SpeakerOptions, TunnelClose } from './wire-speaker.js';

// Headless simulation on a simulated clock: one session's timeline, and a herd of clients hit by one outage
export { simulate, SIMULATE_DEFAULTS } from './simulate.js';
export type { SimulateOptions, Timeline, TimelineEntry, TimelineEvent, SimulationOutcome } from './simulate.js';
export { simulateHerd, guacamoleCountdownPolicy, HERD_DEFAULTS } from './herd.js';
export { partysocketPolicy, reconnectingWebSocketPolicy, NAMED_POLICIES } from './peer-policies.js';
export type { HerdOptions, HerdResult, HerdBucket, HerdOutage, HerdEngine } from './herd.js';
export { mulberry32 } from './prng.js';
