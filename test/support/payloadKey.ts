import { dataConverterFor, parsePayloadKey } from '../../temporal/payloadCodec';

/** The key every test's API client and worker share, as PAYLOAD_KEY would be in production. */
export const testPayloadKey = parsePayloadKey('7e'.repeat(32));

/** For every legitimate test client: the one a worker with testPayloadKey trusts. */
export const testDataConverter = dataConverterFor(testPayloadKey);
