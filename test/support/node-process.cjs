// mysql2 requires "process"; the test pool's module registry has no
// node:process, but nodejs_compat gives every Worker the global.
module.exports = globalThis.process;
