// The public API of modus-edge's AssemblyScript SDK (import "@hypermode/modus-sdk-as"),
// the same surface as Modus's SDK 0.18.
import * as postgresql from "./assembly/postgresql";
import * as mysql from "./assembly/mysql";
import * as dgraph from "./assembly/dgraph";
import * as graphql from "./assembly/graphql";
import * as http from "./assembly/http";
import models from "./assembly/models";
import * as vectors from "./assembly/vectors";
import * as auth from "./assembly/auth";
import * as neo4j from "./assembly/neo4j";
import * as utils from "./assembly/utils";
import * as localtime from "./assembly/localtime";
import * as secrets from "./assembly/secrets";
import * as agents from "./assembly/agents";
import * as collections from "./assembly/collections";

export { postgresql, mysql, dgraph, graphql, http, models, vectors, auth, neo4j, utils, localtime, secrets, agents, collections };
export * from "./assembly/dynamicmap";
export * from "./assembly/enums";
export { Agent, AgentInfo, AgentEvent } from "./assembly/agent";
