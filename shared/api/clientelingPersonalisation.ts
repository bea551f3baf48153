/**
 * A product's personalisation over HTTP (engraving, initials, strap or stone): its options, as the
 * maison sets them, and a check of a shopper's choice against them with the server's own schema.
 */
import { z } from "zod";
import { ProductPersonalisation } from "../personalisation.ts";
import { anyone, BRAND_EDITORS, brandInPath, brandStaff } from "./access.ts";
import {
  PersonalisationRefusalDetails,
  ValidatedPersonalisation,
  ValidatePersonalisationBody,
} from "./clientelingCommon.ts";
import { endpoint } from "./endpoint.ts";

export const personalisation = endpoint({
  id: "clienteling.personalisation",
  method: "GET",
  path: "/api/products/:productId/personalisation",
  summary: "The personalisation options a piece offers",
  access: anyone,
  answer: ProductPersonalisation,
  cache: "no-cache",
});

export const setPersonalisation = endpoint({
  id: "clienteling.setPersonalisation",
  method: "PUT",
  path: "/api/brands/:brandId/products/:productId/personalisation",
  summary: "Declare the personalisation options of one of the maison's pieces",
  access: brandStaff(BRAND_EDITORS, brandInPath, "declare its pieces' personalisation"),
  body: z.json(),
  answer: ProductPersonalisation,
});

export const validatePersonalisation = endpoint({
  id: "clienteling.validatePersonalisation",
  method: "POST",
  path: "/api/products/:productId/personalisation/validate",
  summary: "Check a personalisation choice against the piece's options (the server's own schema)",
  access: anyone,
  body: ValidatePersonalisationBody,
  answer: ValidatedPersonalisation,
  refusals: { validation_failed: PersonalisationRefusalDetails },
});
