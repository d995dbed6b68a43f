#!/usr/bin/env node
// The modus-edge command: build, serve and deploy a Modus app folder on Workers.
import { runCli } from "../cli/index.mjs";

process.exitCode = await runCli(process.argv.slice(2));
