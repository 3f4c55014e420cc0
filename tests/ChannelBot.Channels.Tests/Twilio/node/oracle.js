// The official twilio npm package as a test oracle for ChannelBot's Twilio webhook validation.
// Reads a JSON array of requests on stdin and writes a JSON array of answers on stdout, one per request:
//   {"op":"sign", "token", "url", "params"}                       -> {"signature"}
//   {"op":"bodyHash", "body"}                                      -> {"hash"}
//   {"op":"validate", "token", "signature", "url", "params"}       -> {"valid"}
//   {"op":"validateWithBody", "token", "signature", "url", "body"} -> {"valid"}
// "params" is a list of [name, value] pairs as they appear in a form body; a repeated name becomes an
// array, which is how Express hands repeated form fields to the library.
"use strict";

const webhooks = require("twilio/lib/webhooks/webhooks");

function toObject(pairs) {
  const params = {};
  for (const [name, value] of pairs || []) {
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      params[name] = [].concat(params[name], value);
    } else {
      params[name] = value;
    }
  }
  return params;
}

function answer(request) {
  switch (request.op) {
    case "sign":
      return { signature: webhooks.getExpectedTwilioSignature(request.token, request.url, toObject(request.params)) };
    case "bodyHash":
      return { hash: webhooks.getExpectedBodyHash(request.body) };
    case "validate":
      return { valid: webhooks.validateRequest(request.token, request.signature, request.url, toObject(request.params)) };
    case "validateWithBody":
      return { valid: webhooks.validateRequestWithBody(request.token, request.signature, request.url, request.body) };
    default:
      throw new Error("unknown op " + request.op);
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const requests = JSON.parse(input);
  process.stdout.write(JSON.stringify(requests.map(answer)));
});
