#pragma once

#include <QDialog>

namespace fc {

// Shown when a flow changed on the server while the editor had it open: the user's version and
// the server's side by side, and a choice. Nothing is overwritten without that choice.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice { KeepMine, TakeServers, KeepEditing };

    ConflictDialog(const QString &mineJson, const QString &serverJson, const QString &serverModified,
                   QWidget *parent = nullptr);

signals:
    void chosen(fc::ConflictDialog::Choice choice);
};

} // namespace fc
