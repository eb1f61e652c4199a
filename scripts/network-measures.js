// Prints networkMeasures() of a NetworkInput JSON file: the process the benchmark times
// against networkx.
import { readFileSync } from 'node:fs';
import { networkMeasures } from '@weframe/core';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(JSON.stringify(networkMeasures(input)));
