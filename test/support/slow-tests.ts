// Integration and end-to-end tests start servers and wait for messages to travel: give them time.
jest.setTimeout(90_000);
