#pragma once

#include "api/Types.h"

#include <QDialog>
#include <QPointer>
#include <QSet>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace fc {

class ApiClient;
class PeoplePicker;

// Share: the owners of one flow (users and groups, with name, email or UPN, type and role).
// Additions from the people picker and removals are collected, then Apply sends them in one
// modify call (spec: owners; live: modifyPermissions), shows the result and reloads the list.
// Removing the last owner is refused before anything is sent.
class OwnersDialog : public QDialog
{
    Q_OBJECT
public:
    OwnersDialog(ApiClient *client, const QString &environment, const QString &flow,
                 const QString &flowDisplayName, QWidget *parent = nullptr);

    void reload();
    bool isBusy() const { return m_call != 0; }
    const QList<FlowOwner> &owners() const { return m_owners; }
    PeoplePicker *picker() const { return m_picker; }
    QTreeWidget *ownersView() const { return m_view; }
    QString message() const;
    // Marks the owner with this principal ID for removal; false (and a message) when refused.
    bool removeOwner(const QString &principalId);
    void addPrincipal(const Principal &principal);
    void apply();

signals:
    void applied();
    void reloaded();

private:
    void fill();
    void removeSelected();
    void updateButtons();
    int ownersAfterChanges() const;
    void setMessage(const QString &text, bool error = false);

    QPointer<ApiClient> m_client;
    QString m_env;
    QString m_flow;
    QList<FlowOwner> m_owners;
    QList<Principal> m_toAdd;
    QSet<QString> m_toRemove;
    quint64 m_call = 0;
    QTreeWidget *m_view;
    PeoplePicker *m_picker;
    QLabel *m_message;
    QPushButton *m_remove;
    QPushButton *m_apply;
    QPushButton *m_reset;
};

} // namespace fc
