import { notifications } from '@mantine/notifications';

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', autoClose: 4000 });
}

/** Errors stay until dismissed: the server's explanation may take a while to read. */
export function notifyError(title: string, message: string): void {
  notifications.show({ title, message, color: 'red', autoClose: false });
}
