#pragma once

#include <QString>

class QWidget;
class QMessageBox;

namespace fc {

struct ApiError;

// Non-blocking message boxes: shown with open(), deleted when closed, so that a failure reported
// from a network callback never starts a nested event loop.
QMessageBox *showError(QWidget *parent, const QString &title, const QString &text,
                       const QString &details = {});
QMessageBox *showApiError(QWidget *parent, const QString &title, const ApiError &error);

} // namespace fc
