// This file is generated: do not edit it by hand.
// Source:  spec/openapi.yaml (sha256 4a86f76014bd485f6438ab7f48548f058af79c162eda054829d65034316703da)
// Command: npm run generate
/* eslint-disable */

import type { Client } from "openapi-fetch";
import type { paths } from "./schema.js";

/** The openapi-fetch client typed by the spec's paths. */
export type RawClient = Client<paths, "application/json">;
