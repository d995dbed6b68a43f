// A hostile Modus app for the hardening tests (test/hardening): every function
// misbehaves in one way a real app might, by accident or on purpose.
export * from "./compute";
export * from "./memory";
export * from "./logs";
export * from "./results";
export * from "./outbound";
