// Stands in for "server-only" under the test runner, which is a server process itself.
export {};
