/** Where "now" comes from, so rules about dates can be tested with a fixed time. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
