// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 002d1d0f8c2a32723ad781692643da3b3714844ee89a168e5c7e50916c45566e)
// Command: npm run generate
/* eslint-disable */

import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";

/**
 * openapi-fetch's request methods, typed by the spec's paths, for the methods the spec uses.
 * @category Client
 */
export type RawClient = Pick<Client<paths, "application/json">, "GET" | "POST">;
