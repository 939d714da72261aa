// An error whose message is written for the coordinator and shown as is, never as a stack trace.

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
