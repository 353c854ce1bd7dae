/*
 * dev-kafka: a Kafka-protocol broker for development and tests only.
 *
 * It is librdkafka's mock cluster (rd_kafka_mock_cluster_new) in a process of its own. It speaks the real Kafka
 * protocol (produce, fetch, consumer groups, offset commits) but keeps everything in memory: it is not durable
 * and not for production. Production uses a real Kafka (see docker-compose.yml).
 *
 *   dev-kafka --port 9092 --partitions 6 --topics channel.inbound.v1,channel.outbound.v1
 *
 * Prints "listening <host:port>" on stdout once the topics exist, then runs until SIGINT or SIGTERM.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static volatile sig_atomic_t stopping = 0;
static int wanted_port = 0;

static void on_signal(int sig) {
  (void)sig;
  stopping = 1;
}

/*
 * The mock cluster always binds its listener to 127.0.0.1 on a random port. To offer a stable address
 * (KAFKA_BROKERS=127.0.0.1:9092) this program provides bind() itself: the first TCP listener bound to port 0
 * gets the port asked for on the command line; everything else goes to the C library's bind unchanged.
 */
int bind(int fd, const struct sockaddr *addr, socklen_t len) {
  static int (*libc_bind)(int, const struct sockaddr *, socklen_t) = NULL;
  if (!libc_bind) libc_bind = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "bind");
  if (wanted_port > 0 && addr && addr->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
    struct sockaddr_in wanted;
    memcpy(&wanted, addr, sizeof wanted);
    if (wanted.sin_port == 0) {
      wanted.sin_port = htons((uint16_t)wanted_port);
      wanted_port = 0;
      return libc_bind(fd, (const struct sockaddr *)&wanted, sizeof wanted);
    }
  }
  return libc_bind(fd, addr, len);
}

/* The mock cluster aborts when its listener cannot bind, so check the port first and say so plainly. */
static int port_is_free(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  struct sockaddr_in sin = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int ok = bind(fd, (struct sockaddr *)&sin, sizeof sin) == 0;
  close(fd);
  return ok;
}

static void usage(void) {
  fprintf(stderr, "usage: dev-kafka [--port N] [--partitions N] [--topics a,b,c]\n");
  exit(2);
}

int main(int argc, char **argv) {
  int port = 0, partitions = 6;
  char *topics = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--port") && i + 1 < argc) port = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--partitions") && i + 1 < argc) partitions = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--topics") && i + 1 < argc) topics = argv[++i];
    else usage();
  }
  if (port < 0 || port > 65535 || partitions < 1) usage();
  if (port > 0 && !port_is_free(port)) {
    fprintf(stderr, "dev-kafka: port %d is already in use\n", port);
    return 1;
  }
  wanted_port = port;

  char errstr[512];
  rd_kafka_conf_t *conf = rd_kafka_conf_new();
  if (rd_kafka_conf_set(conf, "log_level", "3", errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
    fprintf(stderr, "dev-kafka: %s\n", errstr);
    return 1;
  }
  rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  if (!rk) {
    fprintf(stderr, "dev-kafka: cannot create handle: %s\n", errstr);
    return 1;
  }
  rd_kafka_mock_cluster_t *cluster = rd_kafka_mock_cluster_new(rk, 1);
  if (!cluster) {
    fprintf(stderr, "dev-kafka: cannot start the mock cluster (port %d in use?)\n", port);
    return 1;
  }
  const char *bootstraps = rd_kafka_mock_cluster_bootstraps(cluster);
  char expected[16];
  snprintf(expected, sizeof expected, ":%d", port);
  if (port > 0 && !strstr(bootstraps, expected)) {
    fprintf(stderr, "dev-kafka: port %d is already in use\n", port);
    return 1;
  }

  if (topics) {
    char *list = strdup(topics);
    for (char *name = strtok(list, ","); name; name = strtok(NULL, ",")) {
      rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(cluster, name, partitions, 1);
      if (err) {
        fprintf(stderr, "dev-kafka: cannot create topic %s: %s\n", name, rd_kafka_err2str(err));
        return 1;
      }
    }
    free(list);
  }

  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  printf("listening %s\n", bootstraps);
  fflush(stdout);
  while (!stopping) pause();

  rd_kafka_mock_cluster_destroy(cluster);
  rd_kafka_destroy(rk);
  return 0;
}
