// Failure messages and stack traces go into a payload that the codec seals like every other one
// (docs/deployment.md, "Payload encryption"), instead of lying in the history in clear.
// CommonJS, plain JavaScript: the SDK require()s this file by path in the API and the worker, and bundles it
// into the workflow code (temporal/payloadCodec.ts, worker/createWorker.ts).
const { DefaultFailureConverter } = require('@temporalio/common');

exports.failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
