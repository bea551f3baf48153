import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { describe, test } from "node:test";
import express from "express";
import { z } from "zod";
import { AccountError } from "../accounts/errors.ts";
import { DomainError } from "../errors.ts";
import { createErrorMiddleware, describeError } from "./errors.ts";

describe("describeError", () => {
  test("maps domain errors by code", () => {
    assert.deepEqual(describeError(AccountError.emailTaken("a@b.test")), {
      status: 409,
      code: "email_taken",
      message: AccountError.emailTaken("a@b.test").message,
      details: { field: "email", email: "a@b.test" },
    });
    assert.equal(describeError(AccountError.invalidCredentials()).status, 401);
  });

  test("maps zod failures to 400 validation_failed with every issue", () => {
    const result = z.object({ a: z.number(), b: z.string() }).safeParse({});
    assert.ok(!result.success);
    const described = describeError(result.error);
    assert.equal(described.status, 400);
    assert.equal(described.code, "validation_failed");
    assert.deepEqual(
      (described.details as { path: string }[]).map((d) => d.path),
      ["a", "b"],
    );
  });

  test("never passes on an unknown error's text", () => {
    for (const thrown of [
      new Error("password=hunter2 at db.ts:12"),
      "a string",
      null,
      { code: "ECONNREFUSED" },
    ]) {
      const described = describeError(thrown);
      assert.equal(described.status, 500);
      assert.equal(described.code, "internal_error");
      assert.doesNotMatch(described.message, /hunter2|ECONNREFUSED/);
    }
    const pgLike = Object.assign(new Error("duplicate key"), { code: "23505" });
    assert.equal(describeError(pgLike).status, 500);
  });
});

describe("the error middleware", () => {
  test("answers 500 with a generic body, no stack, and logs the real error", async () => {
    const logged: unknown[] = [];
    const app = express();
    app.get("/boom", () => {
      throw new Error("secret internals");
    });
    app.get("/teapot", () => {
      throw new DomainError("bad_request", "No coffee here.", { hint: "tea" }, 418);
    });
    app.use(createErrorMiddleware({ logUnexpected: (_m, e) => logged.push(e) }));
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const boom = await fetch(`${base}/boom`);
      assert.equal(boom.status, 500);
      const text = await boom.text();
      assert.doesNotMatch(text, /secret internals|at |\.ts/);
      assert.deepEqual(JSON.parse(text), {
        error: {
          code: "internal_error",
          message: "Something went wrong on our side. Please try again in a moment.",
        },
      });
      assert.equal(logged.length, 1);
      assert.match(String(logged[0]), /secret internals/);

      const teapot = await fetch(`${base}/teapot`);
      assert.equal(teapot.status, 418);
      assert.deepEqual(await teapot.json(), {
        error: { code: "bad_request", message: "No coffee here.", details: { hint: "tea" } },
      });
      assert.equal(logged.length, 1, "expected errors are not logged as failures");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
