// Child process: starts the provider stub bundled at argv[2] with the options in argv[3].
const [, , file, options] = process.argv;
const { startProviderStub } = await import(file);
const stub = await startProviderStub(JSON.parse(options));
process.stdout.write(JSON.stringify({ url: stub.url.replace(/\/$/, "") }) + "\n");
