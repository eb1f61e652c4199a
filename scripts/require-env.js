// Fails with a clear message when an environment variable a script needs is not set.
for (const name of process.argv.slice(2)) {
  if (!process.env[name]) {
    console.error(`${name} is not set: this suite needs it (see README, "Testing").`);
    process.exit(1);
  }
}
