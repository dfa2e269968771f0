// Loaded with `node --require`: a tool run from npm scripts may not reach the internet. Every host
// name lookup fails at once with an error HTTP clients do not retry (the scanner then falls back to
// its bundled data), so nothing leaves the machine. Loopback addresses need no lookup and still work.
const dns = require('node:dns');

function refuse(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const error = Object.assign(new Error(`offline: no lookup of ${hostname}`), { code: 'EOFFLINE', hostname });
  process.nextTick(() => done(error));
}

dns.lookup = refuse;
dns.promises.lookup = async (hostname) => {
  throw Object.assign(new Error(`offline: no lookup of ${hostname}`), { code: 'EOFFLINE', hostname });
};
