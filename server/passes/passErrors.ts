/**
 * @deprecated The general domain error lives in server/errors.ts; this re-export only keeps
 * server/rooms/drop/DropRoom.ts compiling until its owner switches the import (then delete this file).
 */
export { DomainError } from "../errors.ts";
