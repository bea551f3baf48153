/**
 * The salon's selection list: the advisor adds and removes pieces through the clienteling domain
 * (server/clienteling/selectionLists.ts, which validates variants and personalisation), and the
 * room mirrors the stored list into state so the client sees it at once. The client keeps the list
 * after the salon closes (it is theirs in the wallet).
 */
import type { Appointment } from "../../../shared/clienteling/appointments.ts";
import { SalonSelectionItemState, type SalonState } from "../../../shared/clienteling/salonRoom.ts";
import type {
  AddSelectionItemBody,
  HandoverBody,
  SelectionList,
} from "../../../shared/clienteling/selection.ts";
import type { PersonalisationChoice } from "../../../shared/personalisation.ts";
import { handOverSelectionItem } from "../../clienteling/handover.ts";
import { validatePersonalisationChoice } from "../../clienteling/productOptions.ts";
import { appointmentListId, ensureAppointmentList } from "../../clienteling/salonRoomRules.ts";
import {
  addSelectionItem,
  listMySelectionLists,
  removeSelectionItem,
} from "../../clienteling/selectionLists.ts";
import { DomainError } from "../../errors.ts";
import { roomContext } from "../context.ts";

type State = InstanceType<typeof SalonState>;

/** The title of a list started in a salon (the client renames nothing; the date says which). */
function listTitle(appointment: Appointment): string {
  return `Selection of ${appointment.startsAt.slice(0, 10)} with ${appointment.advisorName}`;
}

export class SalonSelection {
  private readonly state: State;
  private appointment: Appointment | null = null;
  /** Changes run one after another: two quick adds must not both start the appointment's list. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(state: State) {
    this.state = state;
  }

  /** Reads the appointment's list, if the advisor started one already (a reopened salon). */
  async load(appointment: Appointment): Promise<void> {
    this.appointment = appointment;
    const listId = await appointmentListId(roomContext().database, appointment.id);
    if (!listId) return;
    const lists = await listMySelectionLists(roomContext().database, appointment.clientId);
    const list = lists.find((l) => l.id === listId);
    if (list) this.mirror(list);
  }

  /** Runs `change` after every change before it (whatever their outcome). */
  private inTurn<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.then(change, change);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The advisor adds a piece (the list is started on the first one). */
  add(advisorId: string, body: AddSelectionItemBody): Promise<void> {
    return this.inTurn(() => this.addNow(advisorId, body));
  }

  private async addNow(advisorId: string, body: AddSelectionItemBody): Promise<void> {
    const appointment = this.requireAppointment();
    const { database, clock } = roomContext();
    const listId = await ensureAppointmentList(
      database,
      {
        advisorId,
        brandId: appointment.brandId,
        clientId: appointment.clientId,
        appointmentId: appointment.id,
        title: listTitle(appointment),
      },
      clock,
    );
    const request = { actorId: advisorId, brandId: appointment.brandId, listId, body };
    this.mirror(await addSelectionItem(database, request, clock));
  }

  remove(advisorId: string, itemId: string): Promise<void> {
    return this.inTurn(() => this.removeNow(advisorId, itemId));
  }

  private async removeNow(advisorId: string, itemId: string): Promise<void> {
    const appointment = this.requireAppointment();
    const listId = this.requireList();
    const { database, clock } = roomContext();
    const request = { actorId: advisorId, brandId: appointment.brandId, listId, itemId };
    this.mirror(await removeSelectionItem(database, request, clock));
  }

  /** The client decides on an item: the domain answers, and the item's status is mirrored. */
  handOver(clientId: string, itemId: string, body: HandoverBody) {
    return this.inTurn(() => this.handOverNow(clientId, itemId, body));
  }

  private async handOverNow(clientId: string, itemId: string, body: HandoverBody) {
    const listId = this.requireList();
    const { database, clock } = roomContext();
    const answer = await handOverSelectionItem(database, { clientId, listId, itemId, body }, clock);
    const mirrored = this.state.selection.find((i) => i.itemId === itemId);
    if (mirrored) mirrored.handover = answer.item.handover.status;
    return answer;
  }

  /** A personalisation choice as the server's schema for the piece accepts it (null: none). */
  validateChoice(productId: string, choice: unknown): Promise<PersonalisationChoice | null> {
    return validatePersonalisationChoice(roomContext().database, productId, choice);
  }

  private mirror(list: SelectionList): void {
    this.state.selectionListId = list.id;
    this.state.selection.clear();
    for (const item of list.items) {
      this.state.selection.push(
        new SalonSelectionItemState().assign({
          itemId: item.id,
          productId: item.productId,
          variant: item.variant ?? "",
          personalisation: item.personalisation ? JSON.stringify(item.personalisation) : "",
          handover: item.handover.status,
        }),
      );
    }
  }

  private requireAppointment(): Appointment {
    if (!this.appointment) throw new Error("the salon's appointment was not loaded");
    return this.appointment;
  }

  private requireList(): string {
    const id = this.state.selectionListId;
    if (!id) throw DomainError.notFound("selection_list", "of this appointment");
    return id;
  }
}
