#!/usr/bin/env node
// Reference scores for bench/sentiment_eval: runs the npm vader-sentiment
// package (the JavaScript port of VADER) on one text per line of stdin and
// prints its compound score per line, in the same order.
'use strict';
const path = require('path');
const readline = require('readline');

const modules = process.env.ROOST_LEXICON_DIR || path.join(__dirname, '..', 'node_modules');
const vader = require(path.join(modules, 'vader-sentiment'));

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
rl.on('line', (line) => {
  out.push(vader.SentimentIntensityAnalyzer.polarity_scores(line).compound.toFixed(4));
});
rl.on('close', () => process.stdout.write(out.length ? out.join('\n') + '\n' : ''));
