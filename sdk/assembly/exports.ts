// The SDK's own Wasm exports, which the host calls to drive agents. They must
// become module exports of every app: Modus's build adds this file's exports
// to the entry file; modus-edge's transform is expected to do the same.
export {
  activateAgent as _modus_agent_activate,
  handleEvent as _modus_agent_handle_event,
  handleMessage as _modus_agent_handle_message,
  getAgentState as _modus_agent_get_state,
  setAgentState as _modus_agent_set_state,
} from "./agent";
