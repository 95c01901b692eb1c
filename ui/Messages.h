#pragma once

#include <QString>

#include <functional>

class QWidget;
class QMessageBox;

namespace fc {

struct ApiError;

// Non-blocking message boxes: shown with open(), deleted when closed, so that a failure reported
// from a network callback never starts a nested event loop.
QMessageBox *showError(QWidget *parent, const QString &title, const QString &text,
                       const QString &details = {});
QMessageBox *showApiError(QWidget *parent, const QString &title, const ApiError &error);
// A question with a named "yes" button and Cancel as the default; onYes runs only if the user
// confirms (and the parent still lives). Tests find the box by objectName.
QMessageBox *askToConfirm(QWidget *parent, const QString &objectName, const QString &title,
                          const QString &text, const QString &yesText, std::function<void()> onYes);

} // namespace fc
