/**
 * Every room type the server defines, by its protocol table. A room the server defines without an
 * entry here, or whose handlers differ from its table, fails tests/integration/walkable-kernel.test.ts.
 */
import { AvenueProtocol } from "../avenue/protocol.ts";
import { SalonProtocol } from "../clienteling/salonRoom.ts";
import { DropRoomProtocol } from "../dropRoom.ts";
import { AudienceProtocol } from "../events/audienceRoom.ts";
import { VitrineProtocol } from "../vitrineRoom.ts";
import type { RoomProtocol } from "./roomProtocol.ts";

export const ROOM_PROTOCOLS: readonly RoomProtocol[] = [
  AvenueProtocol,
  DropRoomProtocol,
  VitrineProtocol,
  AudienceProtocol,
  SalonProtocol,
];
