import { BaseRpcContext } from '@nestjs/microservices';
import { KafkaMessage } from 'kafkajs';

/** Where a consumed message came from: enough to dead-letter it with its origin. */
export class EnvelopeContext extends BaseRpcContext<[message: KafkaMessage, topic: string, partition: number]> {
  getMessage(): KafkaMessage {
    return this.args[0];
  }
  getTopic(): string {
    return this.args[1];
  }
  getPartition(): number {
    return this.args[2];
  }
}
