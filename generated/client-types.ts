// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 60d5d8ce2c8120aedceb2a1befab2d5f005140b0da20e89d72dece987d20694e)
// Command: npm run generate
/* eslint-disable */

import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";

/** openapi-fetch's request methods, typed by the spec's paths, for the methods the spec uses. */
export type RawClient = Pick<Client<paths, "application/json">, "GET" | "POST">;
