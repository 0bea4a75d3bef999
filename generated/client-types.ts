// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 e1a97a1c8064b4fd96fa628e5401e8ff8cb60261e8553481e6443a652f89355a)
// Command: npm run generate
/* eslint-disable */

import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";

/** openapi-fetch's request methods, typed by the spec's paths, for the methods the spec uses. */
export type RawClient = Pick<Client<paths, "application/json">, "GET" | "POST">;
