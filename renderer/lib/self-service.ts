// Where self-service mode opens, and where any other address leads while the PC is in that mode: the diagnosis's
// home (issue 9). One constant, so the diagnosis's routes plug in by declaring `selfService: true` and this address.
export const SELF_SERVICE_HOME = '#/diagnostic';
