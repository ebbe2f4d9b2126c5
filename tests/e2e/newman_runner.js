// Runs Postman collections through newman's library, one after another in one Node process (start-up paid once),
// and prints one JSON line per request: the item's id and the arrival number the echo server answered with.
// argv[2]: the folder newman was installed into (npm --prefix); argv[3]: a JSON file [{collection, globals}].
const path = require('path');
const newman = require(path.join(process.argv[2], 'node_modules', 'newman'));
const jobs = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));

function runOne (index) {
    if (index >= jobs.length) { return; }
    const job = jobs[index];
    const globals = Object.entries(job.globals).map(([key, value]) => ({ key, value, type: 'default' }));
    newman.run({ collection: job.collection, globals: { values: globals }, reporters: [], timeoutRequest: 10000 },
        (err) => {
            err && console.log(JSON.stringify({ job: index, fatal: String(err.message || err) }));
            runOne(index + 1);
        })
        .on('request', (err, args) => {
            const arrival = args.response && args.response.headers.get('X-Arrival');
            console.log(JSON.stringify({ job: index, id: args.item.id, arrival: arrival || null,
                error: err ? String(err.message || err) : null }));
        });
}
runOne(0);
