// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 f7c80e58e6c4c9f75e4e9c503cab90dba1bc9ae40be2d20cd64c95c8cffa1e39)
// Command: npm run generate
/* eslint-disable */

import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";

/** openapi-fetch's request methods, typed by the spec's paths, for the methods the spec uses. */
export type RawClient = Pick<Client<paths, "application/json">, "GET" | "POST">;
