import type { IHeaders } from 'kafkajs';

/** CloudEvents 1.0 attributes, carried in Kafka headers (binary content mode, `ce_` prefix). */
export interface CloudEventAttributes {
  id: string;
  source: string;
  type: string;
  /** The team the event belongs to; also the Kafka message key, so a team's events stay ordered. */
  subject: string;
  time: string;
  /** Extension attribute: the request that caused the event, for tracing across services. */
  requestid?: string;
}

export const PROTOBUF_CONTENT_TYPE = 'application/protobuf';

export function toKafkaHeaders(attributes: CloudEventAttributes): Record<string, string> {
  const headers: Record<string, string> = {
    ce_specversion: '1.0',
    ce_id: attributes.id,
    ce_source: attributes.source,
    ce_type: attributes.type,
    ce_subject: attributes.subject,
    ce_time: attributes.time,
    'content-type': PROTOBUF_CONTENT_TYPE,
  };
  if (attributes.requestid) headers.ce_requestid = attributes.requestid;
  return headers;
}

export class MalformedEventError extends Error {
  constructor(reason: string) {
    super(`malformed event: ${reason}`);
    this.name = 'MalformedEventError';
  }
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

export function fromKafkaHeaders(headers: IHeaders | undefined): CloudEventAttributes {
  const required = (name: string): string => {
    const value = header(headers, name);
    if (!value) throw new MalformedEventError(`header ${name} is missing`);
    return value;
  };
  if (required('ce_specversion') !== '1.0') throw new MalformedEventError('ce_specversion is not 1.0');
  return {
    id: required('ce_id'),
    source: required('ce_source'),
    type: required('ce_type'),
    subject: required('ce_subject'),
    time: required('ce_time'),
    requestid: header(headers, 'ce_requestid'),
  };
}
