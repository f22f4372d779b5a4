/**
 * Roadmap plans: an agency puts its plans on the roadmap, keeps them current and withdraws them.
 * Every change is a plan event, written with the plan in one document update (the outbox).
 */
package org.isecg.roadmap.plan;
