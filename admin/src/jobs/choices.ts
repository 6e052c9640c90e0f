/** Job states and queues as the API names them (api/src/modules/jobs); react-admin translates the names. */
export const JOB_STATES = ['waiting', 'active', 'completed', 'failed', 'delayed'] as const;
export const JOB_QUEUES = ['notifications', 'maintenance'] as const;

export const jobStateChoices = JOB_STATES.map((id) => ({ id, name: `job_states.${id}` }));
export const jobQueueChoices = JOB_QUEUES.map((id) => ({ id, name: `job_queues.${id}` }));
