/** Commands about Accord replicas over one PostgreSQL: {@code accord bench replicas} (issue 16, ADR 0154). */
package org.accord.cli.replicas;
